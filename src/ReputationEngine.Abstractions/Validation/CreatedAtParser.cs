using System.Globalization;

namespace ReputationEngine.Abstractions.Validation;

/// <summary>
/// The rule for a mention's <c>createdAt</c>: whatever <see cref="DateTimeOffset.TryParse(ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateTimeOffset)"/>
/// reads with the invariant culture, universal time unless the text gives an offset.
/// </summary>
/// <remarks>
/// The general parser costs several hundred nanoseconds, more than the rest of a mention's parsing, so the form
/// feeds send — <c>yyyy-MM-ddTHH:mm:ss[.f…](Z|±hh:mm)</c> with in-range fields — is read directly. Anything else,
/// even slightly different (a space, no offset, 8 fraction digits, a leap second), goes to the general parser, so
/// both paths give the same answers.
/// </remarks>
public static class CreatedAtParser
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value) =>
        TryParseIsoWithOffset(text, out value) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out value);

    /// <summary>The strict ISO 8601 form with an explicit offset; false (not an error) for anything else.</summary>
    private static bool TryParseIsoWithOffset(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 20
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-' || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day) || text[10] != 'T' || !TryDigits(text, 11, 2, out var hour) || text[13] != ':'
            || !TryDigits(text, 14, 2, out var minute) || text[16] != ':' || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        var at = 19;
        long fractionTicks = 0;
        if (text[at] == '.')
        {
            var digits = 0;
            for (at++; at < text.Length && char.IsAsciiDigit(text[at]); at++, digits++)
            {
                fractionTicks = (fractionTicks * 10) + (text[at] - '0');
            }

            // Up to 7 digits are whole ticks; more would be rounded by the general parser, so it reads them.
            if (digits is 0 or > 7)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fractionTicks *= 10;
            }
        }

        int offsetMinutes;
        if (at == text.Length - 1 && text[at] == 'Z')
        {
            offsetMinutes = 0;
        }
        else if (at == text.Length - 6 && text[at] is '+' or '-' && TryDigits(text, at + 1, 2, out var offsetHours)
            && text[at + 3] == ':' && TryDigits(text, at + 4, 2, out var offsetRest) && offsetHours <= 13 && offsetRest <= 59)
        {
            offsetMinutes = (text[at] == '-' ? -1 : 1) * ((offsetHours * 60) + offsetRest);
        }
        else
        {
            return false;
        }

        // Years far from today stay with the general parser, which knows the edges of DateTimeOffset's range.
        if (year is < 1001 or > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        value = new DateTimeOffset(local - (offsetMinutes * TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int number)
    {
        number = 0;
        foreach (var c in text.Slice(start, count))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }
}
