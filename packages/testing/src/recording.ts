/**
 * The recording format alone, without the mock servers (and so without msw):
 * what `feedkit record` writes.
 */
export {
  formatRecordingLine,
  isRecordedFrame,
  parseRecording,
  type RecordedEvent,
  type RecordedFrame,
  type Recording,
  type RecordingEntry,
  RecordingError,
  type RecordingHeader,
} from './replay/Recording';
