# KeyboardInterrupt raised in nested calls, caught by an except clause; finally blocks
# run on the way out, and the program goes on.
def work(n):
    total = 0
    for i in range(n):
        total += i % 7
    return total


def loop():
    try:
        while True:
            work(1000)
    finally:
        print("finally ran")


print("ready", flush=True)
try:
    loop()
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, e.args)
print("after")
