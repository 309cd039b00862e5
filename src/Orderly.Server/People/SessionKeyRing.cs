using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Orderly.Application.Persistence;

namespace Orderly.Server.People;

/// <summary>
/// The Data Protection key ring that signs and encrypts the session cookie and the antiforgery tokens (ADR 0022): kept in
/// the table <c>data_protection_keys</c> of Orderly's database (migration 17), under the application name
/// <see cref="ApplicationName"/>, so that every instance on one database, and a server after a restart, read the cookies
/// the others issued. The keys are stored as the library writes them, not encrypted at rest; they rotate every 90 days
/// (the library's default), and an old key still reads the cookies it protected until they expire.
/// </summary>
internal static class SessionKeyRing
{
    /// <summary>The name every instance protects under: instances with another name cannot read each other's cookies.</summary>
    public const string ApplicationName = "Orderly";

    public static IServiceCollection AddSessionKeyRing(this IServiceCollection services, DatabaseProvider database, string connectionString)
    {
        services.AddDbContext<KeyRingContext>(db => db.UseOrderlyDatabase(database, connectionString));
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<KeyRingContext>();
        return services;
    }
}

/// <summary>The key ring's own small context, over the one table <c>data_protection_keys</c> (the schema is migration 17's).</summary>
internal sealed class KeyRingContext(DbContextOptions<KeyRingContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        var key = model.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        key.Property(k => k.Id).HasColumnName("id");
        key.Property(k => k.FriendlyName).HasColumnName("friendly_name");
        key.Property(k => k.Xml).HasColumnName("xml");
    }
}
