class Config:
    def __init__(self): self.values = {}
    def get(self, key):
        return self.values[key]
def load(cfg, name):
    return cfg.get(name).strip()
def main():
    cfg = Config()
    cfg.values["a"] = " x "
    print(load(cfg, "a"))
    print(load(cfg, "missing"))
main()
