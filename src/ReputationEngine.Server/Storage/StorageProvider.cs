namespace ReputationEngine.Server.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
