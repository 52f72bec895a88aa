class A:
    def m(self):
    return 1
