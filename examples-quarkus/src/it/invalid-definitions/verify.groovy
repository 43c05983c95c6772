// The build failed (invoker.buildResult); check it failed for Bobbin's reasons, in Bobbin's exact words.
def log = new File(basedir, 'build.log').text

def expected = [
    '@WaitFor.timeout on Misused#zeroTimeout(): must be > 0, was 0',
    '@WaitFor.unit on Misused#estimatedUnit(): must be DAYS or finer, was MONTHS (an estimated unit has no exact length)',
    '@WaitFor on Misused#hidesTheWait(String): must not return Uni, the caller would get work it still has to wait for;'
        + ' return the item type and hand the work over with WaitFor.Result.from(...)',
    '@RunInReactor on Misused#notEventual(int, long): must return EventualResult or void, was String;'
        + ' wrap the value with EventualResult.of(value) or EventualResult.from(uni)'
]

assert log.contains('jakarta.enterprise.inject.spi.DeploymentException: Found 4 deployment problems') :
    'the build did not fail with 4 deployment problems; see ' + new File(basedir, 'build.log')
expected.each { message ->
    // ArC lists each problem as "[n] <message>" on its own line; the order is not part of the contract
    assert log =~ ('(?m)^\\[\\d\\] ' + java.util.regex.Pattern.quote(message) + '$') :
        'missing problem: ' + message
}
return true
