using System.Buffers;
using System.Threading.Channels;

namespace Compensation.Reports.Excel;

/// <summary>
/// Runs the writer of a package part on a second thread while the calling thread compresses what it
/// writes: making the XML of a long sheet and deflating it take about as long as each other, and a
/// machine has at least two cores. At most <see cref="Depth"/> chunks of <see cref="ChunkSize"/>
/// bytes are in flight, and the compressor always gets whole chunks in order, so the bytes of the
/// package are the same as when written on one thread.
/// </summary>
internal static class PartPipe
{
    private const int ChunkSize = 1 << 16;
    private const int Depth = 8;

    public static void Copy(Action<Stream> write, Stream target)
    {
        var chunks = Channel.CreateBounded<(byte[] Buffer, int Length)>(new BoundedChannelOptions(Depth)
        {
            SingleReader = true,
            SingleWriter = true,

            // Both sides are threads that block; a waiting side is woken where the other wrote or read, not by the thread pool.
            AllowSynchronousContinuations = true,
        });
        using var cancel = new CancellationTokenSource();
        var producer = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    using (var stream = new ChunkStream(chunks.Writer, cancel.Token))
                    {
                        write(stream);
                    }

                    chunks.Writer.Complete();
                }
                catch (Exception e)
                {
                    chunks.Writer.Complete(e);
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            while (chunks.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (chunks.Reader.TryRead(out var chunk))
                {
                    target.Write(chunk.Buffer, 0, chunk.Length);
                    ArrayPool<byte>.Shared.Return(chunk.Buffer);
                }
            }
        }
        catch
        {
            // The writer's failure, if it failed, rather than the channel's report of it; otherwise the compressor's.
            cancel.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // looked at below
            }

            if (producer.Exception?.InnerException is { } failure and not OperationCanceledException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }

            throw;
        }

        producer.GetAwaiter().GetResult();
    }

    /// <summary>A write-only stream that hands on its bytes in chunks of <see cref="ChunkSize"/> (the last one shorter).</summary>
    private sealed class ChunkStream(ChannelWriter<(byte[] Buffer, int Length)> chunks, CancellationToken cancel) : Stream
    {
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        private int _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            while (!buffer.IsEmpty)
            {
                var n = Math.Min(buffer.Length, ChunkSize - _length);
                buffer[..n].CopyTo(_buffer.AsSpan(_length));
                _length += n;
                buffer = buffer[n..];
                if (_length == ChunkSize)
                {
                    Send(last: false);
                }
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && _length > 0)
            {
                Send(last: true);
            }
            else if (disposing && _buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }

            base.Dispose(disposing);
        }

        private void Send(bool last)
        {
            chunks.WriteAsync((_buffer, _length), cancel).AsTask().GetAwaiter().GetResult();
            _buffer = last ? [] : ArrayPool<byte>.Shared.Rent(ChunkSize);
            _length = 0;
        }
    }
}
