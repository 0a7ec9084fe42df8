/**
 * Checks of one `multi_modal_context` entry that Data Designer's ImageContext / AudioContext / VideoContext
 * make when the config is built (config/models.py): base64 audio needs `audio_format`, base64 video
 * `video_format` (their model validators), and each format field belongs to its own modality (the three
 * classes forbid extra fields). Values of the row are checked when they are sent (src/llm/multimodal.ts).
 */
export interface MediaContextProblem {
  field: string;
  message: string;
}

interface MediaContextLike {
  modality?: string | null;
  data_type?: string | null;
  image_format?: string | null;
  audio_format?: string | null;
  video_format?: string | null;
}

const FORMAT_FIELD = { image: 'image_format', audio: 'audio_format', video: 'video_format' } as const;

export function mediaContextProblems(context: MediaContextLike): MediaContextProblem[] {
  const modality = (context.modality ?? 'image') as keyof typeof FORMAT_FIELD;
  const own = FORMAT_FIELD[modality];
  if (own === undefined) return [];
  const out: MediaContextProblem[] = [];
  for (const field of Object.values(FORMAT_FIELD)) {
    if (field !== own && context[field] !== undefined && context[field] !== null) {
      out.push({ field, message: `${field} is not a field of a ${modality} context (use ${own})` });
    }
  }
  if (modality !== 'image' && context.data_type === 'base64' && (context[own] ?? null) === null) {
    out.push({ field: 'data_type', message: `${own} is required when data_type is base64` });
  }
  return out;
}
