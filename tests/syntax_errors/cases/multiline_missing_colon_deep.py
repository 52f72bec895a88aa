class A:
    def m(self):
        for i in range(3):
            if i == 1
                return i
