class AppError(Exception):
    pass
def run():
    raise AppError("failed", 42)
print("before")
run()
