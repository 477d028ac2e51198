from ptce_check.cli.app import main

main()
