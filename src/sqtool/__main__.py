from sqtool.cli import main

main()
