X = 'from PYTHONPATH'
