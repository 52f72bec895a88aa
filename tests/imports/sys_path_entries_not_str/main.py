import sys
sys.path.insert(0, 42)
sys.path.insert(0, b'bytes')
sys.path.insert(0, 'nonexistent-dir')
import mod
print(mod.X)
print(sys.path_importer_cache.get('nonexistent-dir', 'absent'))
