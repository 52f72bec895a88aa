# time.sleep is interrupted by Ctrl-C: KeyboardInterrupt raised in the sleeping call,
# caught, then a second sleep finishes normally.
import time

print("ready", flush=True)
try:
    time.sleep(30)
    print("slept through")
except KeyboardInterrupt:
    print("interrupted in sleep")
time.sleep(0.01)
print("done")
