using System.Globalization;
using System.Text;
using System.Text.Json;
using ReputationEngine.Cli.Commands;

namespace ReputationEngine.Cli.Tests.Commands;

/// <summary><c>reputation replay</c> end to end: real grains and detectors on an in-process silo, in event time.</summary>
public sealed class ReplayCommandTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("replay-test-").FullName;

    [Fact]
    public async Task Replay_SameInputTwice_WritesIdenticalOutputWithTheBurstsAlert()
    {
        var mentions = Path.Combine(_dir, "mentions.ndjson");
        var topics = Path.Combine(_dir, "topics.json");
        await File.WriteAllTextAsync(mentions, CalmDayWithAnOutage());
        await File.WriteAllTextAsync(topics, """[{"id":"acme","name":"Acme","keywords":["acme"]}]""");

        var first = await ReplayAsync(mentions, topics, "first.ndjson");
        var second = await ReplayAsync(mentions, topics, "second.ndjson");

        Assert.Equal(first, second);
        var alerts = first.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("kind", out _))
            .ToList();
        var spike = Assert.Single(alerts, a => a.GetProperty("kind").GetString() == "volumeSpike");
        Assert.Equal("acme", spike.GetProperty("topicId").GetString());
        // Opened inside the outage (event time), not at the wall-clock moment of the run.
        var opened = spike.GetProperty("openedAt").GetDateTimeOffset();
        Assert.InRange(opened, Start.AddHours(6), Start.AddHours(6).AddMinutes(10));
    }

    [Fact]
    public async Task Replay_MissingFile_ExitsWithCode2()
    {
        var exit = await ReplayCommand.Create().Parse([Path.Combine(_dir, "nope.ndjson")]).InvokeAsync();
        Assert.Equal(2, exit);
    }

    private async Task<string> ReplayAsync(string mentions, string topics, string output)
    {
        var path = Path.Combine(_dir, output);
        var exit = await ReplayCommand.Create().Parse([mentions, "--topics", topics, "--out", path]).InvokeAsync();
        Assert.Equal(0, exit);
        return await File.ReadAllTextAsync(path);
    }

    /// <summary>Six calm hours (a mention every 30 s), then ten minutes of complaints at thirty a minute, then calm again.</summary>
    private static string CalmDayWithAnOutage()
    {
        var lines = new StringBuilder();
        var n = 0;
        void Add(DateTimeOffset at, string text) => lines.Append(CultureInfo.InvariantCulture,
            $$"""{"id":"m{{++n}}","source":"twitter","author":{"id":"tw:u{{n % 97}}"},"text":"{{text}}","createdAt":"{{at:O}}","kind":"post"}""").Append('\n');

        for (var t = Start; t < Start.AddHours(6); t = t.AddSeconds(30))
        {
            Add(t, "acme order arrived, fine");
        }

        for (var t = Start.AddHours(6); t < Start.AddHours(6).AddMinutes(10); t = t.AddSeconds(2))
        {
            Add(t, "acme app is down again, terrible, refund me");
        }

        for (var t = Start.AddHours(6).AddMinutes(10); t < Start.AddHours(7); t = t.AddSeconds(30))
        {
            Add(t, "acme order arrived, fine");
        }

        return lines.ToString();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
