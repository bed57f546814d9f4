using Microsoft.AspNetCore.Http.Metadata;

namespace ReputationEngine.Server.Access;

/// <summary>Endpoint metadata: this route's body limit, replacing <see cref="RequestBodyLimitMiddleware.DefaultMaxBodyBytes"/>.</summary>
public sealed record BodySizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
