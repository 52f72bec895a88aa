del 'key'
