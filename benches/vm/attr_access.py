# Attribute reads and writes on small instances (a 2-D particle step, a ray-tracer's
# vector-heavy inner loop in miniature).
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Particle:
    def __init__(self, i):
        self.pos = Vec(i * 0.5, i * 0.25, 0.0)
        self.vel = Vec(1.0, -0.5, 0.25)
        self.mass = 1.0 + i % 3
        self.hits = 0


def step(ps, dt):
    for p in ps:
        pos = p.pos
        vel = p.vel
        pos.x = pos.x + vel.x * dt
        pos.y = pos.y + vel.y * dt
        pos.z = pos.z + vel.z * dt
        if pos.x > 10.0:
            vel.x = -vel.x
            p.hits += 1
        if pos.y < -10.0:
            vel.y = -vel.y
            p.hits += 1


ps = [Particle(i) for i in range(100)]
for _ in range(15000):
    step(ps, 0.01)
print(sum(p.hits for p in ps), round(sum(p.pos.x + p.pos.y + p.pos.z for p in ps), 6))
