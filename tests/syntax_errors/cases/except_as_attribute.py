try:
    pass
except ValueError as self.err:
    pass
