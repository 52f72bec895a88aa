x = f'{"\n".join(items)}'
