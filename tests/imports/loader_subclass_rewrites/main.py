import sys
PathFinder = sys.meta_path[-1]
SourceFileLoader = type(__loader__)

class RewritingLoader(SourceFileLoader):
    def get_code(self, fullname):
        data = self.get_data(self.path).replace(b'ORIGINAL', b'REWRITTEN')
        print('rewriting', fullname)
        return self.source_to_code(data, self.path)

class RewritingFinder:
    @classmethod
    def find_spec(cls, name, path=None, target=None):
        if not name.startswith('test_'):
            return None
        spec = PathFinder.find_spec(name, path)
        if spec is not None:
            spec.loader = RewritingLoader(spec.loader.name, spec.loader.path)
        return spec

sys.meta_path.insert(0, RewritingFinder)
import test_one, plain
print(test_one.VALUE, plain.VALUE, type(test_one.__loader__).__name__)
print(test_one.__spec__.loader is test_one.__loader__, test_one.__cached__)
