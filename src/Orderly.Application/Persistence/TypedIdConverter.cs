using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Orderly.Domain.Common;

namespace Orderly.Application.Persistence;

/// <summary>Stores a typed id as its Guid.</summary>
public sealed class TypedIdConverter<TId>() : ValueConverter<TId, Guid>(id => id.Value, value => Create(value))
    where TId : struct, ITypedId<TId>
{
    private static TId Create(Guid value) => TId.From(value);
}
