v = 'namespace member'
