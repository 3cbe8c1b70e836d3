from sqtool.launch import main

main()
