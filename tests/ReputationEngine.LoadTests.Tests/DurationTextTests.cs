using ReputationEngine.LoadTests.Cli;

namespace ReputationEngine.LoadTests.Tests;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1.5h", 5400)]
    [InlineData(" 2M ", 120)]
    [InlineData("00:30:00", 1800)]
    [InlineData("01:00:05", 3605)]
    public void TryParse_UnitsOrClock_GivesTheDuration(string text, int seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("m")]
    [InlineData("-5m")]
    [InlineData("0s")]
    [InlineData("10d")]
    [InlineData("200h")]
    [InlineData("00:00:00")]
    [InlineData("1e3s")]
    public void TryParse_NotADuration_Refuses(string text) => Assert.False(DurationText.TryParse(text, out _));

    [Fact]
    public void Command_BadDuration_ExplainsWhatItTakes()
    {
        var parse = LoadTestCommand.Create().Parse(["--duration", "soon"]);
        Assert.Contains(parse.Errors, e => e.Message.Contains("not a duration (90s, 30m, 1h or hh:mm:ss)", StringComparison.Ordinal));
        Assert.Empty(LoadTestCommand.Create().Parse(["--duration", "30m"]).Errors);
    }
}
