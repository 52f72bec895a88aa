class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, n):
        if n > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {n}")
        self.balance -= n
a = Account(10)
a.withdraw(3)
print(a.balance)
a.withdraw(50)
