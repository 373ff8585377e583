#!/bin/sh
# gen-district.sh DIR — writes a synthetic district into DIR for bench/run.sh:
#
#   roster.csv   ~100 000 pupils: SCHOOLS schools (default 300), 22..38 pupils
#                per grade 1-11 (~330 a school), a grade of more than 28 pupils
#                split into classes А and Б; pupil codes «Ш001-0001» are unique
#                across the district.
#   scales.csv   one row per procedure × subject × grade × year, 3 years
#                (FIRST_YEAR, default 2022, to FIRST_YEAR+2):
#                  ВПР grades 4-8: Русский язык, Математика, and Окружающий мир
#                      (grade 4) or История and Биология (grades 5-8);
#                  ОГЭ grade 9: Русский язык, Математика and four electives
#                      (each pupil sits Russian, maths and two electives);
#                  ЕГЭ grade 11: Русский язык, Математика (профильный уровень)
#                      (no marks: min_score and high_score only);
#                  КДР (regional diagnostics) Русский язык and Математика in
#                      grades 2-11 and Читательская грамотность in grades 3-9.
#                With ~100 000 pupils the three federal procedures alone give
#                only ~0.7 million results; the КДР brings the file to the
#                ~1.4 million rows the benchmark wants.  KDR=0 leaves it out.
#   results.csv  every pupil of a grade writes every assessment of that grade in
#                each of the 3 years, in the class of the roster (the cohort is
#                not aged: results must name pupils of the roster); ~3 % absent
#                (absent=1, empty score).  Sorted by year, procedure, grade,
#                subject, then roster order, as exports of the federal systems
#                come.  Columns: procedure,subject,year,class,student_code,
#                score,journal_mark,absent.
#
# SHAPE=big makes a district of another shape instead (bench/run.sh's second
# one): BIG_SCHOOLS (default 4) large schools with grades of 2 600 to 3 900
# pupils, split into classes of 5 to 1 000 (letters А, Б, … АА, …, each
# school's its own), codes «Ш001-00001»; the ВПР of grades 4-8 (Russian,
# mathematics, history in 5-8) and the КДР in Russian and mathematics in
# grades 2-11; results.csv then has a
# mark column, given on about half the rows (as the federal systems' exports
# carry it) and left for orientir to derive on the others, and 5 % absent.
# About 144 000 pupils and 1.4 million results.
#
# All three files: UTF-8 without BOM, comma, English header names, "\n".
# Scores: a school effect (and a school trend over the years) plus a pupil
# ability plus noise, so that some schools have many results below the
# minimum.  Journal marks are the mark of the score, more often raised than
# lowered.
#
# Deterministic: its own Park–Miller generator with a fixed seed (SEED), not
# the awk's rand(), so the bytes do not depend on the awk.  Needs only awk.
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
dir=$1
mkdir -p "$dir"

# Writes to .tmp names and renames at the end, so that an interrupted run
# leaves no half file that run.sh would take for data.
shape=${SHAPE:-schools}
case $shape in schools | big) ;; *) echo "$0: SHAPE is schools or big" >&2; exit 2 ;; esac
LC_ALL=C awk -v dir="$dir" -v schools="${SCHOOLS:-300}" -v first_year="${FIRST_YEAR:-2022}" \
	-v seed="${SEED:-20240415}" -v kdr="${KDR:-1}" -v big="$([ "$shape" = big ] && echo 1 || echo 0)" \
	-v big_schools="${BIG_SCHOOLS:-4}" '
function rnd() {			# uniform in (0, 1); exact in doubles
	seed = (seed * 16807) % 2147483647
	return seed / 2147483647
}
function gauss() {			# mean 0, sd 1, roughly normal
	return (rnd() + rnd() + rnd() - 1.5) * 2
}
function pick(list, n,    a) {
	n = split(list, a, " ")
	return a[1 + int(rnd() * n)]
}
# An assessment: procedure, subject, grade, max score, mean share of the max.
function add(proc, subj, grade, max, level) {
	na++
	A_proc[na] = proc; A_subj[na] = subj; A_grade[na] = grade
	A_max[na] = max; A_level[na] = level
	A_elective[na] = 0
}
function scale_row(i, year,    mn, s4, s5, avg) {
	if (A_proc[i] == "ЕГЭ") {
		mn = (A_subj[i] == "Русский язык") ? 24 : 27
		A_min[i] = mn; A_s4[i] = ""; A_s5[i] = ""
		avg = sprintf("%.1f", 100 * A_level[i] + (year - first_year) * 0.7)
		# procedure,subject,grade,year,max_score,min_score,score4,score5,high_score,avg_score
		printf "%s,%s,%d,%d,%d,%d,,,80,%s\n", A_proc[i], A_subj[i], A_grade[i], year,
			A_max[i], mn, avg > scales
		return
	}
	mn = int(A_max[i] * 0.33 + 0.5); s4 = int(A_max[i] * 0.56 + 0.5); s5 = int(A_max[i] * 0.80 + 0.5)
	if (s5 > A_max[i]) s5 = A_max[i]
	A_min[i] = mn; A_s4[i] = s4; A_s5[i] = s5
	avg = sprintf("%.1f", A_max[i] * (A_level[i] + 0.02 * (year - first_year) - 0.01))
	printf "%s,%s,%d,%d,%d,%d,%d,%d,,%s\n", A_proc[i], A_subj[i], A_grade[i], year,
		A_max[i], mn, s4, s5, avg > scales
}
# A class letter after Я: АА, АБ, … (the n-th, from 1).
function letter(n,    abc) {
	abc = "АБВГДЕЖИКЛМНОПРСТУФХЦЧШЩЭЮЯ"
	return n <= 27 ? substr(abc, 2 * n - 1, 2) : letter(int((n - 1) / 27)) substr(abc, 2 * ((n - 1) % 27) + 1, 2)
}
BEGIN {
	roster = dir "/roster.csv.tmp"; scales = dir "/scales.csv.tmp"; results = dir "/results.csv.tmp"
	for (i = 0; i < 10; i++) rnd()		# leave the seed behind
	years = 3
	if (big) {
		schools = big_schools; kdr = 1
	}

	# --- assessments -------------------------------------------------------
	add("ВПР", "Русский язык", 4, 38, 0.58); add("ВПР", "Математика", 4, 20, 0.60)
	if (!big)
		add("ВПР", "Окружающий мир", 4, 32, 0.62)
	for (g = 5; g <= 8 && big; g++) {
		add("ВПР", "Русский язык", g, 45 + 2 * (g - 5), 0.55)
		add("ВПР", "Математика", g, 20 - (g >= 7 ? 1 : 0), 0.53)
		add("ВПР", "История", g, 15 + (g - 5), 0.57)
	}
	for (g = 5; g <= 8 && !big; g++) {
		add("ВПР", "Русский язык", g, 45 + 2 * (g - 5), 0.55)
		add("ВПР", "Математика", g, 20 - (g >= 7 ? 1 : 0), 0.53)
		add("ВПР", "История", g, 15 + (g - 5), 0.57)
		add("ВПР", "Биология", g, 29 + (g - 5), 0.56)
	}
	if (!big) {
	add("ОГЭ", "Русский язык", 9, 33, 0.64); add("ОГЭ", "Математика", 9, 31, 0.50)
	split("Обществознание Информатика Биология География", electives, " ")
	emax["Обществознание"] = 37; emax["Информатика"] = 19; emax["Биология"] = 48; emax["География"] = 31
	for (e = 1; e <= 4; e++) {
		add("ОГЭ", electives[e], 9, emax[electives[e]], 0.55)
		A_elective[na] = e
	}
	add("ЕГЭ", "Русский язык", 11, 100, 0.68); add("ЕГЭ", "Математика (профильный уровень)", 11, 100, 0.56)
	}
	if (kdr) {
		for (g = 2; g <= 11; g++) {
			add("КДР", "Русский язык", g, 24, 0.57)
			add("КДР", "Математика", g, 22, 0.54)
			if (g >= 3 && g <= 9 && !big)
				add("КДР", "Читательская грамотность", g, 18, 0.56)
		}
	}

	print "procedure,subject,grade,year,max_score,min_score,score4,score5,high_score,avg_score" > scales
	for (y = first_year; y < first_year + years; y++)
		for (i = 1; i <= na; i++)
			scale_row(i, y)

	# --- roster ------------------------------------------------------------
	mlast = "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров"
	mfirst = "Александр Дмитрий Максим Сергей Андрей Алексей Артём Илья Кирилл Михаил Никита Матвей Роман Егор Арсений Иван Денис Евгений Даниил Тимофей"
	ffirst = "Анастасия Мария Анна Виктория Екатерина Наталья Марина Полина Дарья Алиса Ксения Елизавета Софья Вероника Ульяна Варвара Таисия Милана Ева Алёна"
	father = "Александров Дмитриев Сергеев Андреев Алексеев Иванов Михайлов Николаев Петров Владимиров Викторов Олегов Юрьев Евгеньев Павлов"
	print "class,student_code,last_name,first_name,middle_name,risk_group,individual_route,extra_lessons" > roster
	np = 0
	for (s = 1; s <= schools; s++) {
		school_eff = (rnd() - 0.5) * 1.4	# some schools well below the others
		school_trend = (rnd() - 0.5) * 0.06	# and getting better or worse
		k = 0
		for (g = 1; g <= 11; g++) {
			n = big ? 2600 + int(rnd() * 1300) : 22 + int(rnd() * 17)
			ncl = n > 28 ? 2 : 1
			left = 0; nth = 0
			for (j = 0; j < n; j++) {
				np++; k++
				if (big) {
					# classes of 5 to 1000: a new one when the last is full
					if (left == 0) {
						nth++
						left = 5 + int(rnd() * rnd() * 996)
					}
					left--
					cls = g letter((s - 1) * 60 + nth)	# every school has classes of its own
				} else {
					cls = g (j < n / ncl ? "А" : "Б")
				}
				code = sprintf(big ? "Ш%03d-%05d" : "Ш%03d-%04d", s, k)
				P_code[np] = code; P_class[np] = cls
				P_abil[np] = school_eff + gauss()
				P_trend[np] = school_trend
				# two different ОГЭ electives
				e1 = 1 + int(rnd() * 4); e2 = 1 + int(rnd() * 3); if (e2 >= e1) e2++
				P_el[np] = e1 * 10 + e2
				G_n[g]++; G_p[g, G_n[g]] = np
				if (rnd() < 0.5) {
					ln = pick(mlast); fn = pick(mfirst); mn = pick(father) "ич"
				} else {
					ln = pick(mlast) "а"; fn = pick(ffirst); mn = pick(father) "на"
				}
				risk = (P_abil[np] < -1.6 && rnd() < 0.6) ? "да" : ""
				route = (risk != "" && rnd() < 0.5) ? "да" : ""
				extra = (P_abil[np] < -1.0 && rnd() < 0.4) ? "да" : ""
				printf "%s,%s,%s,%s,%s,%s,%s,%s\n", cls, code, ln, fn, mn, risk, route, extra > roster
			}
		}
	}

	# --- results -----------------------------------------------------------
	print "procedure,subject,year,class,student_code,score," (big ? "mark," : "") "journal_mark,absent" > results
	nr = 0
	for (y = first_year; y < first_year + years; y++) {
		for (i = 1; i <= na; i++) {
			g = A_grade[i]; max = A_max[i]
			for (k = 1; k <= G_n[g]; k++) {
				p = G_p[g, k]
				if (A_elective[i] && int(P_el[p] / 10) != A_elective[i] && P_el[p] % 10 != A_elective[i])
					continue
				nr++
				if (rnd() < (big ? 0.05 : 0.03)) {
					printf "%s,%s,%d,%s,%s,,%s,1\n", A_proc[i], A_subj[i], y, P_class[p], P_code[p],
						(big ? "," : "") > results
					continue
				}
				share = A_level[i] + (y - first_year - 1) * P_trend[p] + 0.16 * (0.8 * P_abil[p] + 0.6 * gauss())
				sc = int(share * max + 0.5)
				if (sc < 0) sc = 0
				if (sc > max) sc = max
				jm = ""
				if (A_s4[i] != "") {
					m = sc < A_min[i] ? 2 : sc < A_s4[i] ? 3 : sc < A_s5[i] ? 4 : 5
					u = rnd()
					jm = u < 0.30 ? m + 1 : u < 0.38 ? m - 1 : m
					if (jm < 2) jm = 2
					if (jm > 5) jm = 5
				}
				mk = ""
				if (big && A_s4[i] != "" && rnd() < 0.5)
					mk = (sc < A_min[i] ? 2 : sc < A_s4[i] ? 3 : sc < A_s5[i] ? 4 : 5) ","
				else if (big)
					mk = ","
				printf "%s,%s,%d,%s,%s,%d,%s%s,\n", A_proc[i], A_subj[i], y, P_class[p], P_code[p], sc, mk, jm > results
			}
		}
	}
	close(roster); close(scales); close(results)
	printf "%d pupils, %d assessments a year, %d results\n", np, na, nr > "/dev/stderr"
}'
for f in roster scales results; do
	mv "$dir/$f.csv.tmp" "$dir/$f.csv"
done
