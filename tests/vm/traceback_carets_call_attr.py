class Obj:
    def method(self):
        return self.helper(1, 2) + 1
    def helper(self, a, b):
        return a.missing
Obj().method()
