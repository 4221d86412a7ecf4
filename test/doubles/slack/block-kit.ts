// The Block Kit limits that most often break a real app, checked the way Slack reports them:
// views.* answer invalid_arguments, chat.* answer invalid_blocks, each with
// response_metadata.messages '[ERROR] <problem> [json-pointer:/path]'. Not a full validator.

type Json = Record<string, unknown>;

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as Json).text === 'string') return (v as Json).text as string;
  return undefined;
}

function checkLength(problems: string[], value: unknown, max: number, pointer: string): void {
  const text = textOf(value);
  if (text !== undefined && text.length > max) {
    problems.push(`[ERROR] must be less than ${max + 1} characters [json-pointer:${pointer}]`);
  }
}

/** An actions block: 1 to 25 elements; a button's text plain_text of 75, value 2,000, action_id 255, unique in the block. */
function checkActions(problems: string[], block: Json, at: string): void {
  const elements = block.elements;
  if (!Array.isArray(elements) || elements.length === 0) {
    problems.push(`[ERROR] missing required field: elements [json-pointer:${at}/elements]`);
    return;
  }
  if (elements.length > 25) problems.push(`[ERROR] no more than 25 items allowed [json-pointer:${at}/elements]`);
  const seen = new Set<string>();
  elements.forEach((raw, j) => {
    const el = (raw ?? {}) as Json;
    const ep = `${at}/elements/${j}`;
    if (typeof el.action_id === 'string') {
      checkLength(problems, el.action_id, 255, `${ep}/action_id`);
      if (seen.has(el.action_id)) problems.push(`[ERROR] action_id already exists [json-pointer:${ep}/action_id]`);
      seen.add(el.action_id);
    }
    if (el.type !== 'button') return;
    const text = (el.text ?? {}) as Json;
    if (text.type !== 'plain_text' || typeof text.text !== 'string') problems.push(`[ERROR] must be a plain_text object [json-pointer:${ep}/text]`);
    checkLength(problems, text, 75, `${ep}/text/text`);
    checkLength(problems, el.value, 2000, `${ep}/value`);
    if (el.style !== undefined && el.style !== 'primary' && el.style !== 'danger') problems.push(`[ERROR] must be one of primary, danger [json-pointer:${ep}/style]`);
  });
}

function checkBlocks(problems: string[], blocks: unknown, max: number, pointer: string): void {
  if (blocks === undefined) return;
  if (!Array.isArray(blocks)) {
    problems.push(`[ERROR] must be an array [json-pointer:${pointer}]`);
    return;
  }
  if (blocks.length > max) problems.push(`[ERROR] no more than ${max} items allowed [json-pointer:${pointer}]`);
  blocks.forEach((raw, i) => {
    const block = (raw ?? {}) as Json;
    const at = `${pointer}/${i}`;
    if (typeof block.type !== 'string') problems.push(`[ERROR] missing required field: type [json-pointer:${at}]`);
    if (block.block_id !== undefined) checkLength(problems, block.block_id, 255, `${at}/block_id`);
    if (block.type === 'header') checkLength(problems, block.text, 150, `${at}/text/text`);
    if (block.type === 'section') {
      checkLength(problems, block.text, 3000, `${at}/text/text`);
      if (Array.isArray(block.fields)) {
        if (block.fields.length > 10) problems.push(`[ERROR] no more than 10 items allowed [json-pointer:${at}/fields]`);
        block.fields.forEach((f, j) => checkLength(problems, f, 2000, `${at}/fields/${j}/text`));
      }
    }
    if (block.type === 'context' && Array.isArray(block.elements) && block.elements.length > 10) {
      problems.push(`[ERROR] no more than 10 items allowed [json-pointer:${at}/elements]`);
    }
    if (block.type === 'actions') checkActions(problems, block, at);
    if (block.type === 'input') {
      checkLength(problems, block.label, 2000, `${at}/label/text`);
      checkLength(problems, block.hint, 2000, `${at}/hint/text`);
      const el = (block.element ?? {}) as Json;
      if (el.action_id !== undefined) checkLength(problems, el.action_id, 255, `${at}/element/action_id`);
      checkLength(problems, el.placeholder, 150, `${at}/element/placeholder/text`);
      if (el.type === 'plain_text_input') {
        checkLength(problems, el.initial_value, 3000, `${at}/element/initial_value`);
        for (const key of ['min_length', 'max_length'] as const) {
          const n = el[key];
          if (n !== undefined && (typeof n !== 'number' || n < 0 || n > 3000)) {
            problems.push(`[ERROR] must be between 0 and 3000 [json-pointer:${at}/element/${key}]`);
          }
        }
      }
    }
  });
}

/** Problems with a modal view, as Slack words them; empty when it would be accepted. */
export function viewProblems(view: unknown): string[] {
  const problems: string[] = [];
  if (!view || typeof view !== 'object') return ['[ERROR] missing required field: view'];
  const v = view as Json;
  if (v.type !== 'modal' && v.type !== 'home') problems.push('[ERROR] must be one of modal, home [json-pointer:/view/type]');
  if (v.type === 'modal' && textOf(v.title) === undefined) problems.push('[ERROR] missing required field: title [json-pointer:/view]');
  checkLength(problems, v.title, 24, '/view/title/text');
  checkLength(problems, v.submit, 24, '/view/submit/text');
  checkLength(problems, v.close, 24, '/view/close/text');
  checkLength(problems, v.private_metadata, 3000, '/view/private_metadata');
  checkLength(problems, v.callback_id, 255, '/view/callback_id');
  checkBlocks(problems, v.blocks ?? [], 100, '/view/blocks');
  const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => (b as Json | null)?.type === 'input');
  if (v.type === 'modal' && hasInput && textOf(v.submit) === undefined) {
    problems.push('[ERROR] must provide a submit property when using input blocks [json-pointer:/view]');
  }
  return problems;
}

/** Problems with a message's blocks (chat.postMessage / chat.update). */
export function messageProblems(args: Json): string[] {
  const problems: string[] = [];
  checkBlocks(problems, args.blocks, 50, '/blocks');
  return problems;
}
