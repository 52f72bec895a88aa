import helper
print(helper.v)
