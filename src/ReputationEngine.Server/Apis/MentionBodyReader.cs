using System.Buffers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Validation;

namespace ReputationEngine.Server.Apis;

/// <summary>
/// Reads an ingest body — a JSON array, or NDJSON when the content type says so — within the size limit, and
/// validates each item (<see cref="MentionBodyParser"/>). A body that cannot be read as a whole is a
/// <see cref="BodyError"/>; an item that fails validation is rejected alone with its index.
/// </summary>
public static class MentionBodyReader
{
    public sealed record Parsed(List<(int Index, Mention Mention)> Valid, List<RejectedMention> Rejected);

    public sealed record BodyError(int Status, string Title, string Detail);

    public static bool IsNdjson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/ndjson", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the whole body, refusing more than <see cref="IngestLimits.MaxBodyBytes"/>.</summary>
    public static async Task<(byte[]? Body, int Length, BodyError? Error)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > IngestLimits.MaxBodyBytes)
        {
            return (null, 0, TooLarge());
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? 64 * 1024, IngestLimits.MaxBodyBytes) + 1);
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > IngestLimits.MaxBodyBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0, TooLarge());
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, IngestLimits.MaxBodyBytes + 1));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > IngestLimits.MaxBodyBytes)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return (null, 0, TooLarge());
            }
        }

        return (buffer, length, null);
    }

    /// <summary>Parses the body with <see cref="MentionBodyParser"/> and maps its faults to HTTP statuses.</summary>
    public static (Parsed? Parsed, BodyError? Error) Parse(ReadOnlyMemory<byte> body, bool ndjson, DateTimeOffset now)
    {
        var (result, fault) = MentionBodyParser.Parse(body.Span, ndjson, now);
        if (fault is not null)
        {
            var status = fault.Kind == MentionBodyParser.FaultKind.TooMany ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
            return (null, new BodyError(status, fault.Title, fault.Detail));
        }

        return (new Parsed(result!.Valid, result.Rejected.ConvertAll(r => new RejectedMention(r.Index, r.Error))), null);
    }

    private static BodyError TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "Body too large",
        $"A request may carry at most {IngestLimits.MaxBodyBytes / (1024 * 1024)} MiB; split the batch.");
}
