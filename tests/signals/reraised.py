# A handler that re-raises: the traceback shows both frames, status is SIGINT's.
def spin():
    while True:
        pass


print("ready", flush=True)
try:
    spin()
except KeyboardInterrupt:
    print("cleaning up")
    raise
