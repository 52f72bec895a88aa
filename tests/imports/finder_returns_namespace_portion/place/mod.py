X = 'in a portion from a custom path hook'
