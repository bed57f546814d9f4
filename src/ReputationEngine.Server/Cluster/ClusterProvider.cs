namespace ReputationEngine.Server.Cluster;

public enum ClusterProvider
{
    /// <summary>One silo (or a development cluster on one machine): no membership table.</summary>
    Localhost,

    /// <summary>Orleans ADO.NET membership in the PostgreSQL database of <c>Storage__ConnectionString</c>.</summary>
    AdoNet,
}
