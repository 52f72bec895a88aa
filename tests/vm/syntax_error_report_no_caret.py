# An uncaught SyntaxError whose offset points left of its text (offset 0 here: 'single'
# mode fails at the end of the input) is reported without a caret line.
exec(compile("for i in range(2): i", "<s>", "single"))
