raise RuntimeError('broken init')
