using System.Globalization;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Abstractions.Tests.Validation;

/// <summary>The direct ISO 8601 path of <see cref="CreatedAtParser"/> answers exactly as DateTimeOffset.TryParse does.</summary>
public sealed class CreatedAtParserTests
{
    [Theory]
    [InlineData("2026-11-22T18:00:00Z", "2026-11-22T18:00:00.0000000+00:00")]
    [InlineData("2026-11-22T17:59:59.0000000+00:00", "2026-11-22T17:59:59.0000000+00:00")]
    [InlineData("2026-11-22T18:00:00.123Z", "2026-11-22T18:00:00.1230000+00:00")]
    [InlineData("2026-11-22T23:30:00+05:30", "2026-11-22T18:00:00.0000000+00:00")]
    [InlineData("2026-11-22T13:00:00-05:00", "2026-11-22T18:00:00.0000000+00:00")]
    [InlineData("2026-11-22T18:00:00", "2026-11-22T18:00:00.0000000+00:00")]
    [InlineData("2026-11-22", "2026-11-22T00:00:00.0000000+00:00")]
    [InlineData("2028-02-29T00:00:00Z", "2028-02-29T00:00:00.0000000+00:00")]
    [InlineData("2026-11-22T18:00:00.123456789Z", "2026-11-22T18:00:00.1234568+00:00")]
    public void TryParse_KnownForms_UtcInstant(string text, string expected)
    {
        Assert.True(CreatedAtParser.TryParse(text, out var value));
        Assert.Equal(expected, value.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2027-02-29T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-11-22T24:00:01Z")]
    [InlineData("2026-11-22T18:00:00+15:00")]
    [InlineData("not a date")]
    [InlineData("")]
    public void TryParse_Invalid_False(string text) => Assert.False(CreatedAtParser.TryParse(text, out _));

    [Fact]
    public void TryParse_GeneratedIsoLikeStrings_SameAsDateTimeOffsetTryParse()
    {
        var random = new Random(112026);
        string[] years = ["2026", "2000", "1999", "0001", "1000", "1001", "9998", "9999", "2028", "2100", "20261"];
        string[] twoDigits = ["00", "01", "09", "10", "12", "13", "23", "24", "28", "29", "30", "31", "32", "59", "60", "99", "1", "a1"];
        string[] fractions = ["", ".", ".0", ".5", ".123", ".999", ".1234567", ".9999999", ".12345678", ".99999999", ".x"];
        string[] zones = ["Z", "z", "", "+00:00", "-00:00", "+05:30", "-05:30", "+13:59", "+14:00", "-14:00", "+14:01", "+24:00", "+0530", "+05", " Z", "Z ", "GMT"];
        string[] separators = ["T", "T", "T", " ", "t"];
        for (var i = 0; i < 60_000; i++)
        {
            string Pick(string[] values) => values[random.Next(values.Length)];
            var text = $"{Pick(years)}-{Pick(twoDigits)}-{Pick(twoDigits)}{Pick(separators)}{Pick(twoDigits)}:{Pick(twoDigits)}:{Pick(twoDigits)}{Pick(fractions)}{Pick(zones)}";
            AssertSame(text);
            AssertSame($"2026-{random.Next(1, 13):00}-{random.Next(1, 32):00}T{random.Next(24):00}:{random.Next(60):00}:{random.Next(60):00}.{random.Next(10_000_000):0000000}{Pick(zones)}");
        }
    }

    private static void AssertSame(string text)
    {
        var expectedOk = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expected);
        var ok = CreatedAtParser.TryParse(text, out var actual);
        Assert.True(expectedOk == ok, $"{text}: TryParse {expectedOk}, CreatedAtParser {ok}");
        Assert.True(expected.UtcTicks == actual.UtcTicks && expected.Offset == actual.Offset, $"{text}: {expected:O} vs {actual:O}");
    }
}
