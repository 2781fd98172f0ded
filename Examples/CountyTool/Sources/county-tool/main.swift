// county-tool STORE_PATH PLAN_ID [STICHTAG]: prints a plan's Sachstandsbericht, reading the store read-only.
// The work is CountyToolCommand's (in CountyToolCore, where the tests reach it); this file only does the I/O.
import CountyToolCore
import Foundation

let outcome = CountyToolCommand.run(Array(CommandLine.arguments.dropFirst()), today: CountyToolCommand.today())
FileHandle.standardOutput.write(Data(outcome.output.utf8))
FileHandle.standardError.write(Data(outcome.errors.utf8))
exit(outcome.status)
