namespace ReputationEngine.Server.Cluster;

/// <summary>Configuration section <c>Cluster</c> (DESIGN §4.7).</summary>
public sealed class ClusterSettings
{
    public const string Section = "Cluster";

    /// <summary>Section bound onto Orleans' <c>ClusterMembershipOptions</c> (probe timeouts and the like).</summary>
    public const string MembershipSection = "Orleans:Membership";

    /// <summary><c>Localhost</c> (default) or <c>AdoNet</c> (requires <c>Storage__Provider=Postgres</c>).</summary>
    public ClusterProvider Provider { get; set; } = ClusterProvider.Localhost;

    /// <summary>
    /// The address other silos reach this one at (<c>Cluster__AdvertisedAddress</c>); default: this host's first
    /// IPv4 address. A loopback address also makes the silo listen on loopback only (several silos on one machine).
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Use Orleans' Kubernetes hosting (pod name, namespace and IP from the downward API).</summary>
    public bool Kubernetes { get; set; }
}
