# Ctrl-C in a busy loop, uncaught: traceback, then death by SIGINT.
def spin():
    i = 0
    while True:
        i += 1


print("ready", flush=True)
spin()
