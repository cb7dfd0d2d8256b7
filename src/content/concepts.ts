import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { lineColumn } from '../markdown/parse.ts';
import { allItems, type ItemTree, type Place } from './items.ts';

/**
 * Concepts: what several roadmaps teach, learned once (docs/progress.md). One file,
 * `content/concepts.yaml`, lists each concept with a stable id, a short name and its member items
 * as `roadmap/item-id`. This module is its one reader and its one set of rules; the linter
 * (`concepts` rule) and the build's content checks report the same problems at the same places.
 */

/** The file, inside the content folder. */
export const CONCEPTS_FILE = 'concepts.yaml';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MEMBER = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const NAME_LIMIT = 40;
const KEYS = ['id', 'name', 'members'];

/** A member item: its roadmap, its id, and where the file names it. */
export interface Member {
	roadmap: string;
	id: string;
	place: Place;
}

export interface Concept {
	id: string;
	name: string;
	members: Member[];
	/** Where the concept's entry starts. */
	place: Place;
}

/** A problem in the concepts file, at its line and column, naming the field. */
export interface ConceptProblem extends Place {
	message: string;
	fix: string;
}

/** `roadmap/item-id`, the key of a member everywhere (the file, the index, the pages' data). */
export const memberKey = (roadmap: string, id: string) => `${roadmap}/${id}`;

/**
 * Parses the file's text into concepts and the problems of its shape (YAML syntax, fields, ids,
 * member syntax, a concept id used twice). Entries with a problem are left out of `concepts`.
 */
export function parseConcepts(source: string): {
	concepts: Concept[];
	problems: ConceptProblem[];
} {
	const problems: ConceptProblem[] = [];
	const at = (node: YamlNode | null | undefined): Place =>
		lineColumn(source, node?.range?.[0] ?? 0);
	const problem = (node: YamlNode | null | undefined, message: string, fix: string) =>
		problems.push({ ...at(node), message, fix });
	const document = parseDocument(source);
	for (const error of document.errors) {
		problems.push({
			...lineColumn(source, error.pos[0]),
			message: `YAML syntax: ${error.message.split('\n')[0]}`,
			fix: 'fix the YAML syntax',
		});
	}
	if (document.errors.length > 0) return { concepts: [], problems };
	const root = document.contents;
	if (root === null) return { concepts: [], problems };
	if (!isSeq(root)) {
		problem(root, 'the file is not a list of concepts', 'start each concept with `- id: …`');
		return { concepts: [], problems };
	}
	const concepts: Concept[] = [];
	const seen = new Map<string, Place>();
	for (const entry of root.items) {
		if (!isMap(entry)) {
			problem(entry as YamlNode, 'a concept is not a mapping', 'give it `id`, `name` and `members`');
			continue;
		}
		let ok = true;
		const field = (key: string) => entry.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
		for (const pair of entry.items) {
			const key = isScalar(pair.key) ? String(pair.key.value) : '';
			if (!KEYS.includes(key)) {
				problem(pair.key as YamlNode, `field "${key}" is not a concept field`, `use only ${KEYS.join(', ')}`);
				ok = false;
			}
		}
		const idNode = field('id')?.value as YamlNode | undefined;
		const id = isScalar(idNode) ? idNode.value : undefined;
		if (typeof id !== 'string' || !ID.test(id)) {
			problem(idNode ?? entry, `field "id": ${id === undefined ? 'missing' : `"${String(id)}" is not lowercase kebab-case`}`, 'give the concept a stable id like `jwt` or `express-middleware`');
			ok = false;
		} else if (seen.has(id)) {
			const first = seen.get(id)!;
			problem(idNode, `field "id": "${id}" is already the id of the concept on line ${first.line}`, 'merge the two concepts or rename one');
			ok = false;
		}
		const nameNode = field('name')?.value as YamlNode | undefined;
		const name = isScalar(nameNode) ? nameNode.value : undefined;
		if (typeof name !== 'string' || name.trim() === '' || name.length > NAME_LIMIT) {
			problem(nameNode ?? entry, `field "name": ${typeof name !== 'string' || name.trim() === '' ? 'missing' : `longer than ${NAME_LIMIT} characters`}`, 'give a short human name, like "JWT" or "Express middleware"');
			ok = false;
		}
		const membersNode = field('members')?.value as YamlNode | undefined;
		const members: Member[] = [];
		if (!isSeq(membersNode)) {
			problem(membersNode ?? entry, 'field "members": missing or not a list', 'list the member items as `- roadmap/item-id`');
			ok = false;
		} else {
			for (const node of membersNode.items as YamlNode[]) {
				const value = isScalar(node) ? node.value : undefined;
				const match = typeof value === 'string' ? MEMBER.exec(value) : null;
				if (!match) {
					problem(node, `field "members": "${String(value)}" is not \`roadmap/item-id\``, 'write the roadmap folder and the item id, e.g. `express-senior/jwt`');
					ok = false;
					continue;
				}
				members.push({ roadmap: match[1]!, id: match[2]!, place: at(node) });
			}
		}
		if (typeof id === 'string' && !seen.has(id)) seen.set(id, at(entry));
		if (ok) concepts.push({ id: id as string, name: (name as string).trim(), members, place: at(entry) });
	}
	return { concepts, problems };
}

/** What the checks need to know of one roadmap's items. */
export interface RoadmapItems {
	/** Ids of its leaf items (the ones with a status). */
	leaves: ReadonlySet<string>;
	/** Ids of its groups (items with children): not members, their leaves are. */
	groups: ReadonlySet<string>;
}

/** Each roadmap's leaf and group ids, from its chapters' item trees (`[roadmap, tree]`). */
export function itemsByRoadmap(
	roadmapIds: Iterable<string>,
	trees: Iterable<readonly [string, ItemTree]>,
): Map<string, RoadmapItems> {
	const byRoadmap = new Map<string, { leaves: Set<string>; groups: Set<string> }>();
	for (const id of roadmapIds) byRoadmap.set(id, { leaves: new Set(), groups: new Set() });
	for (const [roadmap, tree] of trees) {
		const items = byRoadmap.get(roadmap);
		if (!items) continue;
		for (const node of allItems(tree.items)) {
			if (node.id) (node.children.length > 0 ? items.groups : items.leaves).add(node.id);
		}
	}
	return byRoadmap;
}

/**
 * The rules that need the content: every member is a leaf item of an existing roadmap, no item is
 * in two concepts (or twice in one), and every concept has at least two members.
 */
export function checkConcepts(
	concepts: readonly Concept[],
	roadmaps: ReadonlyMap<string, RoadmapItems>,
): ConceptProblem[] {
	const problems: ConceptProblem[] = [];
	const owner = new Map<string, Concept>();
	for (const concept of concepts) {
		for (const member of concept.members) {
			const key = memberKey(member.roadmap, member.id);
			const items = roadmaps.get(member.roadmap);
			if (!items) {
				problems.push({ ...member.place, message: `field "members": "${key}": there is no roadmap "${member.roadmap}"`, fix: `use one of ${[...roadmaps.keys()].join(', ')}` });
				continue;
			}
			if (items.groups.has(member.id)) {
				problems.push({ ...member.place, message: `field "members": "${key}" is a group of items, not an item with a status`, fix: 'list the group\'s items that teach this concept instead' });
				continue;
			}
			if (!items.leaves.has(member.id)) {
				problems.push({ ...member.place, message: `field "members": "${key}": ${member.roadmap} has no item "${member.id}"`, fix: 'use the id after `^` on the item\'s line (an alias does not count)' });
				continue;
			}
			const other = owner.get(key);
			if (other) {
				problems.push({ ...member.place, message: other === concept ? `field "members": "${key}" is listed twice` : `field "members": "${key}" is already in concept "${other.id}" (line ${other.place.line})`, fix: 'an item belongs to one concept at most: keep it in the one it teaches' });
				continue;
			}
			owner.set(key, concept);
		}
		if (concept.members.length < 2) {
			problems.push({ ...concept.place, message: `concept "${concept.id}" has ${concept.members.length} member(s): a concept links at least two items`, fix: 'add the other roadmaps\' items that teach it, or remove the concept' });
		}
	}
	return problems;
}

/** Member key (`roadmap/item-id`) → its concept. */
export function conceptIndex(concepts: readonly Concept[]): Map<string, Concept> {
	return new Map(concepts.flatMap((concept) => concept.members.map((member) => [memberKey(member.roadmap, member.id), concept] as const)));
}

/** The concepts file of a content folder, as text (`undefined` when there is none). */
export function readConceptsSource(contentDir: string): string | undefined {
	const path = join(contentDir, CONCEPTS_FILE);
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
