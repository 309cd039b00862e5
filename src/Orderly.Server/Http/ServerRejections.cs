using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Orderly.Server.Http;

/// <summary>
/// Kestrel refuses some HTTP/1.x requests itself, before any middleware runs and without a hook to shape the answer:
/// a request line it cannot read (a <c>%00</c> or a raw non-ASCII byte in the path), a malformed header line, a
/// request line or headers over its limits. It then writes a bare error (<c>Content-Length: 0</c>,
/// <c>Connection: close</c>) and closes the connection. This connection middleware recognises exactly that answer on
/// its way out and writes in its place the same status as Problem Details with a <c>code</c>, from the table of
/// <see cref="StatusProblems"/>. Every other byte passes through unchanged. It sees plain HTTP/1.x only: behind TLS
/// terminated by Kestrel it sees encrypted bytes, matches nothing, and changes nothing.
/// </summary>
internal static class ServerRejections
{
    public static void UseProblemRejections(this ListenOptions listen) => listen.Use(next => async connection =>
    {
        var transport = connection.Transport;
        var output = PipeWriter.Create(new RejectionRewriter(transport.Output.AsStream(leaveOpen: true), connection.ConnectionId),
            new StreamPipeWriterOptions(leaveOpen: true));
        connection.Transport = new DuplexPipe(transport.Input, output);
        try
        {
            await next(connection);
        }
        finally
        {
            await output.CompleteAsync();
            connection.Transport = transport;
        }
    });

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>Passes writes through, except a whole bare error answer of Kestrel, which it replaces.</summary>
    private sealed class RejectionRewriter(Stream inner, string connectionId) : Stream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            BareStatus(buffer.Span) is { } status ? inner.WriteAsync(Replacement(status), cancellationToken) : inner.WriteAsync(buffer, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        /// <summary>The status of a complete response head with no body that closes the connection, as Kestrel's refusals are.</summary>
        private static int? BareStatus(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length < 16 || !(bytes.StartsWith("HTTP/1.1 "u8) || bytes.StartsWith("HTTP/1.0 "u8)) || bytes[9] is not ((byte)'4' or (byte)'5')
                || !bytes.EndsWith("\r\n\r\n"u8) || bytes.IndexOf("\r\n\r\n"u8) != bytes.Length - 4
                || bytes.IndexOf("\r\nContent-Length: 0\r\n"u8) < 0 || bytes.IndexOf("\r\nConnection: close\r\n"u8) < 0)
                return null;
            return int.TryParse(bytes.Slice(9, 3), out var status) ? status : null;
        }

        private byte[] Replacement(int status)
        {
            var problem = StatusProblems.For(status, null, null);
            problem.Extensions["traceId"] = connectionId;
            var body = JsonSerializer.SerializeToUtf8Bytes(problem);
            var reason = status switch { 400 => "Bad Request", 408 => "Request Timeout", 413 => "Payload Too Large", 414 => "URI Too Long",
                431 => "Request Header Fields Too Large", _ => "Error" };
            var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/problem+json\r\nContent-Length: {body.Length}\r\n" +
                       $"Connection: close\r\nDate: {DateTimeOffset.UtcNow:R}\r\n\r\n";
            return [.. Encoding.ASCII.GetBytes(head), .. body];
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
