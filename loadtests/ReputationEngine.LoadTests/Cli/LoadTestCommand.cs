using System.CommandLine;
using ReputationEngine.LoadTests.Profiles;
using ReputationEngine.LoadTests.Runner;

namespace ReputationEngine.LoadTests.Cli;

/// <summary>
/// <c>--profile smoke|firehose|soak --target URL --api-key KEY --report PATH.json</c> (DESIGN §4.8).
/// Exit codes: 0 nothing lost, <see cref="LoadRunner.ExitLost"/> when anything accepted was lost,
/// <see cref="LoadRunner.ExitFailed"/> when the run could not be made.
/// </summary>
public static class LoadTestCommand
{
    public const int DefaultSeed = 20261122;

    public static RootCommand Create()
    {
        var profile = new Option<string>("--profile") { Description = "smoke (≤ 60 s, CI), firehose (record-peak burst mix) or soak (an hour, steady)", DefaultValueFactory = _ => LoadProfiles.SmokeName };
        profile.AcceptOnlyFromAmong([.. LoadProfiles.Names]);
        var target = new Option<string?>("--target") { Description = "Engine base URL; without it the harness starts an engine in-process on a temp data dir" };
        var apiKey = new Option<string?>("--api-key") { Description = "Sent as X-Api-Key (also used as the in-process engine's admin key)" };
        var report = new Option<string?>("--report") { Description = "Report path (.json); the .md and .png go beside it. Default artifacts/loadtest/<profile>.json" };
        var seed = new Option<int>("--seed") { Description = "Seed of the traffic generator (same seed, same traffic)", DefaultValueFactory = _ => DefaultSeed };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = $"Override the profile's sending time ({DurationText.Help}), e.g. a shortened soak",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
                if (DurationText.TryParse(text, out var value))
                {
                    return value;
                }

                result.AddError($"--duration: '{text}' is not a duration ({DurationText.Help}).");
                return null;
            },
        };
        var rate = new Option<double?>("--rate") { Description = "Override the profile's baseline rate (mentions/s)" };
        var enginePid = new Option<int?>("--engine-pid") { Description = "With --target: the engine's process id, to sample its CPU and memory" };
        var runId = new Option<string?>("--run-id") { Description = "Fixed run id (prefix of topic and mention ids); default derived from the start time" };

        var command = new RootCommand("ReputationEngine viral-burst load harness (DESIGN §4.8)")
        {
            profile, target, apiKey, report, seed, duration, rate, enginePid, runId,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(profile)!;
            var targetText = parse.GetValue(target);
            Uri? targetUri = null;
            if (targetText is not null && !Uri.TryCreate(targetText.EndsWith('/') ? targetText : targetText + "/", UriKind.Absolute, out targetUri))
            {
                await Console.Error.WriteLineAsync($"--target: '{targetText}' is not an absolute URL.");
                return LoadRunner.ExitFailed;
            }

            var options = new LoadTestOptions(
                name,
                targetUri,
                parse.GetValue(apiKey),
                parse.GetValue(report) ?? Path.Combine("artifacts", "loadtest", $"{name}.json"),
                parse.GetValue(seed),
                parse.GetValue(duration),
                parse.GetValue(rate),
                parse.GetValue(enginePid),
                parse.GetValue(runId));
            return await new LoadRunner(options).RunAsync(cancellationToken);
        });
        return command;
    }
}
