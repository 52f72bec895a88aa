def nbody_like(n):
    x, y, vx, vy = 0.1, 0.2, 0.5, -0.25
    for _ in range(n):
        d2 = x * x + y * y + 0.01
        inv = 1.0 / (d2 * d2 ** 0.5)
        vx -= x * inv * 0.001
        vy -= y * inv * 0.001
        x += vx * 0.001
        y += vy * 0.001
    return x, y
print(nbody_like(3_000_000))
