import sys
def t(label, setup, undo):
    setup()
    try:
        import mod
        print(label, 'ok', mod.X)
    except BaseException as e:
        print(label, type(e).__name__, e)
    finally:
        undo()
        sys.modules.pop('mod', None)
saved_mp = sys.meta_path[:]
def restore_mp(): sys.meta_path[:] = saved_mp
t('meta_path None', lambda: setattr(sys, 'meta_path', None), lambda: setattr(sys, 'meta_path', saved_mp))
class F:
    def find_spec(self, *a): return 42
t('finder returns int', lambda: sys.meta_path.insert(0, F()), restore_mp)
class G:
    def find_spec(self, *a): raise KeyError('boom')
t('finder raises', lambda: sys.meta_path.insert(0, G()), restore_mp)
class H:
    find_spec = None
t('find_spec None', lambda: sys.meta_path.insert(0, H()), restore_mp)
ModuleSpec = type(sys.__spec__)
class L:
    pass
class I:
    def find_spec(self, n, p, t=None): return ModuleSpec(n, L())
t('loader without methods', lambda: sys.meta_path.insert(0, I()), restore_mp)
class L2:
    def create_module(self, spec): return 5
    def exec_module(self, m): pass
class J:
    def find_spec(self, n, p, t=None): return ModuleSpec(n, L2())
t('create_module returns int', lambda: sys.meta_path.insert(0, J()), restore_mp)
saved_ph = sys.path_hooks[:]
saved_pic = dict(sys.path_importer_cache)
def restore_ph():
    sys.path_hooks[:] = saved_ph
    sys.path_importer_cache.clear(); sys.path_importer_cache.update(saved_pic)
t('path_hooks None', lambda: (setattr(sys, 'path_hooks', None), sys.path_importer_cache.clear()), lambda: (setattr(sys, 'path_hooks', saved_ph), restore_ph()))
t('path_hooks empty', lambda: (sys.path_hooks.clear(), sys.path_importer_cache.clear()), restore_ph)
t('path_importer_cache None', lambda: setattr(sys, 'path_importer_cache', None), lambda: setattr(sys, 'path_importer_cache', saved_pic))
saved_path = sys.path[:]
t('path None', lambda: setattr(sys, 'path', None), lambda: setattr(sys, 'path', saved_path))
t('path int', lambda: setattr(sys, 'path', 5), lambda: setattr(sys, 'path', saved_path))
class K:
    def find_spec(self, n, p, t=None):
        s = ModuleSpec(n, None)
        return s
t('spec no loader no locations', lambda: sys.meta_path.insert(0, K()), restore_mp)
saved_mods = sys.modules
t('modules replaced', lambda: setattr(sys, 'modules', {}), lambda: setattr(sys, 'modules', saved_mods))
