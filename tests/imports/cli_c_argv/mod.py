X = 'mod from cwd'
