class C:
    class D:
        return 1
