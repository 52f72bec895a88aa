class Task:
    def __init__(self, prio):
        self.prio = prio
        self.count = 0
    def run(self, n):
        self.count += n
        return self.count
    def is_high(self):
        return self.prio > 5
class Scheduler:
    def __init__(self):
        self.tasks = [Task(i % 10) for i in range(10)]
    def step(self, k):
        done = 0
        for t in self.tasks:
            if t.is_high():
                done += t.run(k)
            else:
                done += t.run(1)
        return done
s = Scheduler()
total = 0
for k in range(300_000):
    total += s.step(k % 3)
print(total)
