using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.People;

namespace Orderly.Application.Persistence;

internal sealed class OrderlyUserMap : IEntityTypeConfiguration<OrderlyUser>
{
    public void Configure(EntityTypeBuilder<OrderlyUser> e)
    {
        e.ToTable("users");
        e.HasKey(u => u.Id);
        e.HasIndex(u => u.NormalizedEmail).IsUnique();
        e.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
        e.HasMany(u => u.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserRoleMap : IEntityTypeConfiguration<UserRole>
{
    public void Configure(EntityTypeBuilder<UserRole> e)
    {
        e.ToTable("user_roles");
        e.HasKey(r => new { r.UserId, r.Role });
    }
}

internal sealed class ApiTokenMap : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.ToTable("api_tokens");
        e.HasKey(t => t.Id);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId);
    }
}
