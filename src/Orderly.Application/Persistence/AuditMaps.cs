using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.Audit;

namespace Orderly.Application.Persistence;

/// <summary>The security audit log of migration 0016.</summary>
internal sealed class AuditEntryMap : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e) => e.ToTable("audit_log").HasKey(x => x.Id);
}
